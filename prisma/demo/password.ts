// Password hashing for the seed, the same bcrypt settings as sign-in without loading the web session module.
import bcrypt from "bcryptjs";

export function hashPasswordForSeed(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
