import { FAKE_ACTION_KINDS, type FakeActionKind } from '../../fake-excel';

/**
 * The loops of the never-half-written tests: an attempt with a failure armed at each request in turn (until the
 * failure no longer fires: the operation sent fewer requests), or at the first action of each kind (those that
 * fired). Each gives the attempts' outcomes, named by where the failure was.
 */
interface Attempt {
  fired: boolean;
}

export async function failingEachRequest<T extends Attempt>(
  attempt: (request: number) => Promise<T>,
  most = 60,
): Promise<{ where: string; outcome: T }[]> {
  const outcomes: { where: string; outcome: T }[] = [];
  for (let request = 1; request < most; request++) {
    const outcome = await attempt(request);
    if (!outcome.fired) break;
    outcomes.push({ where: `request ${request}`, outcome });
  }
  return outcomes;
}

export async function failingEachActionKind<T extends Attempt>(
  attempt: (kind: FakeActionKind) => Promise<T>,
): Promise<{ where: FakeActionKind; outcome: T }[]> {
  const outcomes: { where: FakeActionKind; outcome: T }[] = [];
  for (const kind of Object.keys(FAKE_ACTION_KINDS) as FakeActionKind[]) {
    const outcome = await attempt(kind);
    if (outcome.fired) outcomes.push({ where: kind, outcome });
  }
  return outcomes;
}
