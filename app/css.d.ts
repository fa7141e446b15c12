// Classic-compiler CSS imports resolve to the built stylesheet's URL.
declare module "*.css" {
  const href: string;
  export default href;
}
