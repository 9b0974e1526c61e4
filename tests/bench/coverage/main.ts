// The coverage figure on its own: `npx tsx tests/bench/coverage/main.ts`. The full bench
// (`npm run bench`) measures it too; this is for working on coverage without a browser.
import { describeMachine, printTable } from '../lib/report';
import { verdict } from '../lib/figure';
import { coverageFigure } from './coverageFigure';

const figure = coverageFigure();
printTable([figure], describeMachine());
console.log(`  runs (ms): ${figure.runs.map((ms) => ms.toFixed(1)).join(', ')}`);
process.exitCode = verdict(figure) === 'fail' ? 1 : 0;
