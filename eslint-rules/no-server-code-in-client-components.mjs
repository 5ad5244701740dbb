/**
 * A file marked "use client" runs in the browser: importing server code there would either
 * fail the build late or, worse, ship server code (and what it reads) to every visitor.
 * `no-restricted-imports` works by path only; this rule reads the directive.
 */
const SERVER_ONLY = [/^@\/lib\/server\//, /^(\.\.\/)+lib\/server\//, /^node:/, /^@prisma\//];

const rule = {
  meta: {
    type: "problem",
    docs: { description: 'Disallow server-only imports in "use client" files' },
    messages: { serverImport: '"use client" files run in the browser; "{{source}}" is server-only.' },
    schema: [],
  },
  create(context) {
    const isClientFile = context.sourceCode.ast.body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClientFile) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source === "string" && SERVER_ONLY.some((pattern) => pattern.test(source))) {
        context.report({ node: node.source, messageId: "serverImport", data: { source } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default rule;
