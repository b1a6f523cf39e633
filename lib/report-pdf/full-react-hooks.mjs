// Node module resolution hooks (module.register) for processes started with
// --conditions=react-server (the command-line tools and the standalone worker, which need it for
// the `server-only` guard). Under that condition `react` resolves to its server build, which lacks
// what @react-pdf's reconciler needs; imports of React made by @react-pdf's own files resolve
// without the condition. Nothing else changes: app code keeps the server build.
export async function resolve(specifier, context, nextResolve) {
  const fromReactPdf = context.parentURL?.includes("/node_modules/@react-pdf/") ?? false;
  if (fromReactPdf && (specifier === "react" || specifier.startsWith("react/"))) {
    const conditions = context.conditions.filter((condition) => condition !== "react-server");
    return nextResolve(specifier, { ...context, conditions });
  }
  return nextResolve(specifier, context);
}
