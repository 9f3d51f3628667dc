// Files of the package that are assets, not code (roilens.wasm, style.css): a bundler's asset
// import (`import url from 'roilens/roilens.wasm?url'`, webpack's asset/resource) yields a URL.
declare const url: string;
export default url;
