declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

/** Styles imported for their side effect: esbuild bundles them into a .css next to the script. */
declare module '*.css';
