/* eslint-disable no-undef */
/**
 * Builds the add-in: one shared runtime page (taskpane.html) that hosts both the task pane and the
 * custom functions; functions.json is generated from the JSDoc in src/functions/functions.ts.
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { Compilation, sources } = require('webpack');
const { DEV_URL, hostingUrl, manifestFor, shippedMetadata } = require('./scripts/hosting');

/**
 * Where a production build will be served from. `npm run build:hosted` (webpack's `--env hosted`)
 * requires REBAL_ADDIN_URL; a plain production build without it stays on the dev server's address
 * (for `npm start` and the browser tests) and says so. A bad URL stops the build with one line.
 */
function productionHosting(env) {
  const raw = process.env.REBAL_ADDIN_URL;
  if (!raw && !(env && env.hosted)) {
    console.warn(`rebal: REBAL_ADDIN_URL is not set, so dist/manifest.xml points at ${DEV_URL}; to host the add-in: REBAL_ADDIN_URL=https://your.host/path/ npm run build:hosted`);
    return null;
  }
  try {
    const hosting = hostingUrl(raw);
    if (hosting.normalised) console.warn(`rebal: REBAL_ADDIN_URL has no trailing slash; building for ${hosting.url}`);
    return hosting;
  } catch (e) {
    console.error(`rebal: ${e.message}`);
    process.exit(1);
  }
}

/** functions.json as generated, minus what the manifest's CustomFunctionsRuntime does not cover (scripts/hosting.js). */
class ShippedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ShippedMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ShippedMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        if (compilation.getAsset('functions.json')) {
          compilation.updateAsset('functions.json', (source) => new sources.RawSource(shippedMetadata(source.source().toString())));
        }
      });
    });
  }
}

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const hosting = dev ? null : productionHosting(env);
  return {
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      // The trade planner's Web Worker. HiGHS' loader names its wasm with `new URL(…, import.meta.url)`,
      // so webpack emits highs.wasm as an asset beside it; it is fetched on the first plan.
      'planner-worker': './src/worker/planner-worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // Every script, worker and asset is found relative to the script that loads it, so dist/ works
      // from any folder of any static https host (a GitHub Pages project site is a sub-path).
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', sourceMap: true } },
          },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext][query]' } },
      ],
    },
    performance: { hints: false },
    // HiGHS' loader has Node-only branches (never taken in a browser or worker).
    externals: { 'node:fs': 'var {}', 'node:path': 'var {}', 'node:crypto': 'var {}', 'node:url': 'var {}', 'node:module': 'var {}' },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new ShippedMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The support page the manifest's SupportUrl and LearnMoreUrl name: how to use it, and privacy.
          { from: 'src/help/help.html', to: 'help.html' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              return hosting ? manifestFor(content.toString(), hosting) : content;
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.join(__dirname, 'dist') },
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
          port: (process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};
