export { spec } from './spec.js';
