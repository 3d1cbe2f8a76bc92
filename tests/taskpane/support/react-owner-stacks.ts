/**
 * React's development build (which `act` needs) records, for each element it creates, where it was created: an
 * `Error` whose stack it captures, ten frames deep, for the owner stacks of its warnings and of the browser's
 * debugger. Up to ten thousand elements per render it does so; past that it uses one shared "unknown owner" stack.
 * The pane suites create hundreds of thousands of elements: capturing those stacks took ≈ 3 % of their time. Here
 * the count is held past that limit, so React always takes its shared stack. Only the stacks printed under React's
 * own warnings lose their owners' frames; what renders, and every warning's text, is unchanged.
 */
import * as React from 'react';

interface SharedInternals {
  recentlyCreatedOwnerStacks?: number;
}

const internals = (React as unknown as Record<string, SharedInternals | undefined>)
  .__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
if (internals && 'recentlyCreatedOwnerStacks' in internals) {
  // React counts up at each element and sets it back to 0 at each render: both are ignored.
  Object.defineProperty(internals, 'recentlyCreatedOwnerStacks', {
    configurable: true,
    get: () => Number.POSITIVE_INFINITY,
    set: () => undefined,
  });
}
