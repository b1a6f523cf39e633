import { PASSWORD_RULES } from "@/lib/validation/auth";

/** The password rules, shown before the user types (the same list the server enforces). */
export function PasswordRules({ id }: { id: string }) {
  return (
    <ul id={id} className="list-disc space-y-0.5 pl-5 text-xs text-muted-foreground">
      {PASSWORD_RULES.map((rule) => (
        <li key={rule}>{rule}</li>
      ))}
    </ul>
  );
}
