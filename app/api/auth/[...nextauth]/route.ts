import { handleAuthRequest } from "@/lib/auth/route-handler";

export { handleAuthRequest as GET, handleAuthRequest as POST };
