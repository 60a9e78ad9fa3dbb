// A TypeDoc plugin: the package exports everything from its root, so the API reference would be one
// flat list. This files each top-level export under a category by the folder that defines it —
// reading, checking, model, diagnostics, formatters — without a @category tag in every source file.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

const CATEGORIES = [
  ['src/check.ts', '检查 Checking'],
  ['src/rules/', '检查 Checking'],
  ['src/read/', '读取 Reading'],
  ['src/document/', '读取 Reading'],
  ['src/model/', '模型 Model'],
  ['src/catalog/', '模型 Model'],
  ['src/diagnostics/', '诊断 Diagnostics'],
  ['src/format/', '输出 Formatters'],
  ['src/cli/', '命令行 CLI helpers'],
];

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    // The exports sit on the project, or on the entry point's module when the project has documents too.
    const containers = [project, ...project.getReflectionsByKind(ReflectionKind.Module)];
    for (const reflection of containers.flatMap((container) => container.children ?? [])) {
      if (reflection.kindOf(ReflectionKind.Module)) continue;
      const path = project.getSymbolIdFromReflection(reflection)?.packagePath;
      const category = path && CATEGORIES.find(([prefix]) => path.startsWith(prefix))?.[1];
      if (!category) continue;
      reflection.comment ??= new Comment();
      if (reflection.comment.blockTags.some((tag) => tag.tag === '@category')) continue;
      reflection.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: category }]));
    }
  });
}
