/** Types for scripts/hosting.js (CommonJS, loaded by webpack.config.js and by the tests). */
export declare const DEV_URL: string;
export declare class HostingUrlError extends Error {}
export interface Hosting {
  readonly url: string;
  readonly origin: string;
  readonly normalised: boolean;
}
export declare function hostingUrl(raw: string | undefined): Hosting;
export declare function manifestFor(xml: string, hosting: { url: string; origin: string }): string;
export declare function shippedMetadata(json: string): string;
export declare function runtimeNeeded(metadata: { functions: { id: string; options?: Record<string, unknown> }[] }): {
  version: string;
  because: string[];
  unknown: string[];
};
export declare function compareVersions(a: string, b: string): number;
