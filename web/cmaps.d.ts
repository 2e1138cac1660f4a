// The virtual module the build generates for the offline page (scripts/build.mjs).
declare module 'nianbao-cmaps' {
  const packed: Record<string, string>;
  export default packed;
}
