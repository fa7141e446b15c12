-- Calendar tokens are secrets: generate them from 244 random bits in the database, never from a cuid
-- (a cuid shares its timestamp and counter with ids made at the same moment, so it can be guessed).
ALTER TABLE "Agent" ALTER COLUMN "calendarToken" SET DEFAULT replace((gen_random_uuid())::text || (gen_random_uuid())::text, '-', '');

-- Replace every token that is still a cuid (made by the old default). Tokens made by "Replace the
-- link" (32 base64url characters from 24 random bytes) stay, so those subscriptions keep working.
UPDATE "Agent" SET "calendarToken" = replace((gen_random_uuid())::text || (gen_random_uuid())::text, '-', '')
WHERE "calendarToken" ~ '^c[a-z0-9]{24}$';
