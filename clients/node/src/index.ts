/** cordbus for TypeScript/Node.js: Discord bots on the cordbus event bus over the Vert.x SockJS bridge. */
export * from './addresses';
export * from './client';
export * from './errors';
export * from './meta';
export * from './rest';
export * from './state';
export * from './transport';
export * from './types';
