import ts from 'typescript';

// page-world/no-unsafe-builtins: code that runs in the page's MAIN world may reach built-ins only
// through what it captured before the page's first script (src/primordials/primordials.ts,
// src/page/natives.ts). A page may replace any global or prototype member after load; a direct
// call would then run the page's code, or break the recording. Type-aware: a member is a built-in
// when TypeScript's own lib files declare it.

const CAPTURE = 'src/primordials/primordials.ts (language built-ins) or src/page/natives.ts (web platform)';

/** Globals that cannot be replaced (non-writable, non-configurable properties of the global object). */
const CONSTANT_GLOBALS = new Set(['undefined', 'NaN', 'Infinity']);

/**
 * Built-in members that are own data properties of the value read, never a prototype's accessor or
 * method: reading them runs no page code. `length` counts only on strings and arrays (a typed
 * array's is a prototype getter).
 */
const OWN_DATA = {
  length: (type, checker) => isStringOrArray(type, checker),
  index: (type) => typeName(type) === 'RegExpExecArray',
  // Every RegExp instance's own writable `lastIndex` (RegExpAlloc), which exec() itself reads.
  lastIndex: (type) => typeName(type) === 'RegExp',
  get: (type) => typeName(type) === 'PropertyDescriptor',
  set: (type) => typeName(type) === 'PropertyDescriptor',
  value: (type) => typeName(type) === 'PropertyDescriptor',
  prototype: () => true,
};

const messages = {
  global:
    '`{{name}}` is a global the page can replace after load. Capture it in ' +
    CAPTURE +
    ' and import it from there.',
  member:
    '`.{{name}}` is a built-in member ({{owner}}): the page can replace it after load. Use the ' +
    'captured, uncurried copy instead (e.g. `StringPrototypeSlice(s, 0, n)` for `s.slice(0, n)`), ' +
    'from ' +
    CAPTURE +
    '.',
  forOf:
    '`for...of` calls the iterator of the value (`Array.prototype[Symbol.iterator]`...), which the page ' +
    'can replace. Use an indexed `for` loop, or MapPrototypeForEach for a Map.',
  spread:
    'Spreading iterates with `Array.prototype[Symbol.iterator]`, which the page can replace. Copy with ' +
    'an indexed loop or ArrayPrototypeSlice; pass arguments through ReflectApply.',
  arrayPattern:
    'Array destructuring iterates with the page-replaceable `Array.prototype[Symbol.iterator]`. Read ' +
    'the elements by index.',
  await:
    '`await` and `async` look up `then`/`constructor` on promises, which the page can replace. Use a ' +
    'callback (e.g. a FileReader `loadend` listener through natives).',
  instanceof:
    '`instanceof` calls `Symbol.hasInstance` of the right-hand side, which the page can define. Test ' +
    'the brand with a captured getter instead (it throws on anything else).',
  template:
    'A template literal converts `{{type}}` with its own `toString`: page code for an object. Convert ' +
    'only strings and numbers, or cast where converting page code is the point (WebIDL ToString).',
};

function typeName(type) {
  return type.aliasSymbol?.name ?? type.getSymbol()?.name ?? '';
}

function isStringOrArray(type, checker) {
  if (type.isUnion()) return type.types.every((t) => isStringOrArray(t, checker));
  if (type.flags & ts.TypeFlags.StringLike) return true;
  return checker.isArrayType(type) || checker.isTupleType(type);
}

function isPrimitiveText(type) {
  if (type.isUnion()) return type.types.every(isPrimitiveText);
  const { StringLike, NumberLike, BigIntLike, BooleanLike } = ts.TypeFlags;
  return (type.flags & (StringLike | NumberLike | BigIntLike | BooleanLike)) !== 0;
}

/** @type {import('eslint').Rule.RuleModule} */
const noUnsafeBuiltins = {
  meta: {
    type: 'problem',
    docs: { description: 'Page-world code uses only built-ins captured before the page ran.' },
    messages,
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const program = services?.program;
    if (!program) throw new Error('page-world/no-unsafe-builtins needs type information (projectService)');
    const checker = program.getTypeChecker();
    const isLibDeclaration = (decl) => program.isSourceFileDefaultLibrary(decl.getSourceFile());
    const tsNode = (node) => services.esTreeNodeToTSNodeMap.get(node);

    return {
      'Program:exit'(node) {
        const scope = context.sourceCode.getScope(node);
        // Undeclared names, and the globals the parser knows (lib and config ones, no definition).
        const implicit = scope.variables.filter((v) => v.defs.length === 0).flatMap((v) => v.references);
        for (const ref of [...scope.through, ...implicit]) {
          if (ref.isTypeReference || CONSTANT_GLOBALS.has(ref.identifier.name)) continue;
          // `typeof globalThis` in a type: no value is read.
          if (ref.identifier.parent.type === 'TSTypeQuery') continue;
          // Declared by TypeScript's lib files: a built-in of the page's global object.
          const symbol = checker.getSymbolAtLocation(tsNode(ref.identifier));
          const declarations = symbol?.getDeclarations() ?? [];
          if (declarations.length > 0 && !declarations.some(isLibDeclaration)) continue;
          context.report({ node: ref.identifier, messageId: 'global', data: { name: ref.identifier.name } });
        }
      },
      MemberExpression(node) {
        if (node.computed && node.property.type !== 'Literal') return;
        const symbol = checker.getSymbolAtLocation(tsNode(node.property));
        const declarations = symbol?.getDeclarations() ?? [];
        if (declarations.length === 0 || !declarations.every(isLibDeclaration)) return;
        const name = node.computed ? String(node.property.value) : node.property.name;
        const objectType = checker.getTypeAtLocation(tsNode(node.object));
        const own = Object.hasOwn(OWN_DATA, name) ? OWN_DATA[name] : null;
        if (own?.(objectType, checker)) return;
        const owner = checker.typeToString(objectType);
        context.report({ node: node.property, messageId: 'member', data: { name, owner } });
      },
      ForOfStatement(node) {
        context.report({ node, messageId: 'forOf' });
      },
      SpreadElement(node) {
        // Object spread copies own properties without an iterator: safe.
        if (node.parent.type !== 'ObjectExpression') context.report({ node, messageId: 'spread' });
      },
      ArrayPattern(node) {
        context.report({ node, messageId: 'arrayPattern' });
      },
      AwaitExpression(node) {
        context.report({ node, messageId: 'await' });
      },
      ':function[async=true]'(node) {
        context.report({ node, messageId: 'await' });
      },
      'BinaryExpression[operator="instanceof"]'(node) {
        context.report({ node, messageId: 'instanceof' });
      },
      TemplateLiteral(node) {
        if (node.parent.type === 'TaggedTemplateExpression') return;
        for (const expression of node.expressions) {
          const type = checker.getTypeAtLocation(tsNode(expression));
          if (!isPrimitiveText(type))
            context.report({
              node: expression,
              messageId: 'template',
              data: { type: checker.typeToString(type) },
            });
        }
      },
    };
  },
};

export default { rules: { 'no-unsafe-builtins': noUnsafeBuiltins } };
