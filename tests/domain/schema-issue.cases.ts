import { z } from 'zod';
import { schemaIssueInFrench } from '../../src/domain/schema-issue';

/** A bound of a schema is written as every number the tools show: a no-break space (U+00A0) between thousands. */
describe('schemaIssueInFrench', () => {
  it('writes a bound in thousands with a no-break space', () => {
    const refused = z.string().max(20_000).safeParse('x'.repeat(20_001));
    expect(refused.success).toBe(false);
    expect(schemaIssueInFrench(refused.error!.issues[0])).toBe('au plus 20\u00a0000 caractères attendus');
  });
});
