// Prints generated JavaScript the same way every time, indented, through the TypeScript printer,
// so generated files read well in review and `check:generated` compares like with like.
import ts from 'typescript';

export function formatModule(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const printed = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(file);
  return printed.endsWith('\n') ? printed : `${printed}\n`;
}
