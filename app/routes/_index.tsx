// The root URL sends each person to their role's home, or to sign-in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/utils/auth.server";
import { HOME_BY_ROLE } from "~/utils/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  throw redirect(user ? HOME_BY_ROLE[user.role] : "/login");
}
