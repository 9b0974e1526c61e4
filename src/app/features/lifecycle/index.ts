// The lifecycle feature's public surface for other features (features/README.md): the hints a
// new hazard's form shows. The detail screen itself is loaded by the shell, not from here.
export { DuplicateHints } from './DuplicateHints';
