import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argon2Options, hashPassword, passwordProblems, verifyPassword } from '../../../src/platform/auth/passwords.ts';

test('argon2id hashes verify the right password only, and carry their parameters', async () => {
  const hash = await hashPassword('correct horse battery staple');
  assert.match(hash, new RegExp(`^\\$argon2id\\$v=19\\$m=${argon2Options.memoryCost},t=${argon2Options.timeCost},p=${argon2Options.parallelism}\\$`));
  assert.equal(await verifyPassword(hash, 'correct horse battery staple'), true);
  assert.equal(await verifyPassword(hash, 'Correct horse battery staple'), false);
  assert.equal(await verifyPassword('not a hash', 'anything'), false);
});

test('the policy: 12 characters or more, not common, no composition rules', () => {
  assert.deepEqual(passwordProblems('three random words'), []);
  assert.deepEqual(passwordProblems('alllowercaseletters'), [], 'no composition rules');
  assert.match(passwordProblems('Short1!')[0] ?? '', /12 characters or more/);
  for (const common of ['password1234', 'Password123!', 'qwertyuiop123', '111111111111', 'aaaaaaaaaaaaaa', 'abcdefghijklmnop', '1234567890123']) {
    assert.match(passwordProblems(common)[0] ?? '', /too common/, common);
  }
  assert.match(passwordProblems('x'.repeat(257))[0] ?? '', /256 characters or fewer/);
  assert.match(passwordProblems('alice.jones-2026-rocks', { email: 'alice.jones@example.org' })[0] ?? '', /email address/);
});
