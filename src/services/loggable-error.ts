/** What the log keeps of an error. */
export interface LoggedError {
  type: string;
  /** Prisma's error code (P2029…), SQLite's or Node's, when there is one. */
  code?: string;
  message: string;
  /** Stack frames only: file positions, no values. */
  stack?: string;
}

const maxLine = 300;
const cut = (text: string) => (text.length > maxLine ? `${text.slice(0, maxLine)}…` : text);

/**
 * An error as the log may hold it, without personal data. Prisma's messages print the call's
 * arguments between their first lines and their last (a participant's fields, for a failed
 * write), so only those two lines are kept: the call and the cause. Other messages keep their
 * first line, cut short.
 */
export function loggableError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: cut(String(error).split('\n')[0] ?? '') };
  const lines = error.message.split('\n').map((line) => line.trim()).filter(Boolean);
  const prisma = error.constructor.name.startsWith('PrismaClient');
  const message = prisma && lines.length > 1 ? `${lines[0]} … ${lines.at(-1)}` : (lines[0] ?? '');
  const code = (error as { code?: unknown }).code;
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  return {
    type: error.constructor.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: cut(message),
    ...(frames ? { stack: frames } : {}),
  };
}
