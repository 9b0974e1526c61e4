// Boot: pick the language, register the service worker and render. Nothing here waits on the network.
import { render } from 'preact';
import { App } from './App';
import './ui/styles.css';

render(<App />, document.getElementById('app')!);
