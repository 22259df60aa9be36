// The process logger: JSON lines (pino), or silent in tests.
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'xuncha' }, timestamp: pino.stdTimeFunctions.isoTime });
}
