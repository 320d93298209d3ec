/* eslint-disable no-undef */
/**
 * Builds the add-in: one shared runtime page (taskpane.html) that hosts both the task pane and the
 * custom functions; functions.json is generated from the JSDoc in src/functions/functions.ts.
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
/** Where the production build will be hosted; `npm run build` rewrites the manifest's URLs to it. */
const urlProd = process.env.REBAL_ADDIN_URL || 'https://localhost:3000/';

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
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
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, 'g'), urlProd);
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
