// The settings feature's public surface for other features (features/README.md).
export { requestPersistenceOnce } from './persistStorage';
