// Build-time constants injected by vite.config.ts `define`.
declare const __APP_VERSION__: string;

/** qr-scanner's decoder worker: the module only creates the worker (from a blob URL). */
declare module 'qr-scanner/qr-scanner-worker.min.js' {
  export function createWorker(): Worker;
}

/** Leaflet's own ES module build: the API of 'leaflet' (whose types apply), tree-shakable. */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
