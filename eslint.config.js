// The lint config lives in the lint workspace (tools/lint), beside the packages it loads.
export { default } from './tools/lint/eslint.config.js';
