import { defineConfig } from 'vitest/config';

// One test command for the whole workspace: each package is a vitest project.
export default defineConfig({
  test: {
    projects: ['shared', 'hub', 'hub/web', 'desktop', 'scripts'],
  },
});
