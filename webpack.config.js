// Builds the task pane into dist/taskpane/, the folder to host: taskpane.html, its scripts, assets/ and
// manifest.xml. `--env baseUrl=https://…/` writes the manifest for that address instead of the dev server's.
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { normaliseBaseUrl, rewriteManifestUrls } = require('./scripts/manifest-urls');

const DEV_SERVER_PORT = 3000;
const outputDir = path.join(__dirname, 'dist', 'taskpane');

/**
 * HTTPS for the dev server from the files `office-addin-dev-certs install` leaves in ~/.office-addin-dev-certs.
 * (Its getHttpsServerOptions() throws on Linux, where it cannot trust the CA.) Without them: plain http.
 */
function devServerTransport() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  if (Object.values(files).every((file) => fs.existsSync(path.join(dir, file)))) {
    const options = Object.fromEntries(
      Object.entries(files).map(([option, file]) => [option, fs.readFileSync(path.join(dir, file))]),
    );
    return { type: 'https', options };
  }
  console.log(
    `Pas de certificats dans ${dir} : serveur en http. Excel exige https ; ` +
      'lancez « npx office-addin-dev-certs install » pour les créer.',
  );
  return { type: 'http' };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = env.baseUrl ? normaliseBaseUrl(env.baseUrl) : null; // refuse a bad address before building
  return {
    mode,
    // webpack's own cache (.cache/webpack, git-ignored), one per mode: a build whose sources did not change reuses
    // its modules and minified chunks — seconds instead of most of a minute, the same files out. `baseUrl` only
    // changes manifest.xml, whose copy is transformed at every build (CopyWebpackPlugin caches no transform), so
    // `npm run build` and a build for an organisation's address share one cache.
    cache: {
      type: 'filesystem',
      cacheDirectory: path.join(__dirname, '.cache', 'webpack'),
      name: mode,
      buildDependencies: { config: [__filename] },
    },
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: outputDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      clean: true,
    },
    devtool: dev ? 'source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(__dirname, 'tsconfig.json'),
              // ES modules let webpack split dynamic imports (ExcelJS, loaded on demand) into their own chunks.
              compilerOptions: { noEmit: false, module: 'es2020', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: baseUrl ? (content) => rewriteManifestUrls(content.toString('utf8'), baseUrl) : undefined,
          },
        ],
      }),
    ],
    // The first bundle holds React, Fluent UI and the core (≈0.9 MB minified, ≈250 KB gzip); ExcelJS must never be
    // part of it: tests/build/taskpane-bundle.test.ts checks that and a gzip budget.
    performance: { hints: dev ? false : 'warning', maxEntrypointSize: 1024 * 1024, maxAssetSize: 1024 * 1024 },
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          server: devServerTransport(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: true,
        }
      : undefined,
  };
};
