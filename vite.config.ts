// Builds the PWA from src/app (page) and src/sw (service worker, injectManifest) into dist/.
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./src/app'),
  publicDir: here('./public'),
  build: {
    outDir: here('./dist'),
    // dist/.vite/manifest.json: the chunk graph the quick bundle-budget check reads.
    manifest: true,
    emptyOutDir: true,
    target: 'es2022',
  },
  define: {
    // Sent at enrollment, so the office's device list shows which version each phone runs.
    __APP_VERSION__: JSON.stringify((JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string }).version),
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: here('./src/sw'),
      filename: 'sw.ts',
      // Registration is written by hand in src/app/swBridge.ts, so the update prompt is ours.
      injectRegister: false,
      injectManifest: {
        // The app shell only. The plugin adds the webmanifest and its icons itself (listing the
        // manifest twice breaks precaching); install screenshots are never needed offline.
        globPatterns: ['**/*.{js,css,html}'],
        rollupFormat: 'es',
      },
      manifest: {
        name: '巡逻日志 Patrol Log',
        short_name: '巡逻日志',
        description: '社区联合巡逻队的隐患记录 · Hazard log for community joint patrol teams',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#b3261e',
        background_color: '#ffffff',
        screenshots: [
          { src: '/screenshots/home-zh.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: '巡逻日志 首页' },
          { src: '/screenshots/form-zh.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: '新隐患' },
        ],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
});
