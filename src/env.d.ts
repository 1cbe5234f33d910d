/// <reference types="vite-plugin-pwa/vanillajs" />

/** The app's version (package.json, plus CLIENTELA_BUILD when set), from vite.config.ts `define`. */
declare const __APP_VERSION__: string;
