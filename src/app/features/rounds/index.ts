// The rounds feature's public surface for other features (features/README.md): the home
// screen's round panel, the controller a capture reads the current round from, and gap words.
export { RoundPanel } from './RoundPanel';
export { roundController } from './roundController';
export { gapText } from './gapText';
export { roundIdForNewHazard } from './openRound';
