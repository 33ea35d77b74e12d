"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { NewTokenNotice } from "@/components/tokens/new-token-notice";
import { TokenTable } from "@/components/tokens/token-table";
import { TokensApiError, tokensApi } from "@/components/tokens/tokens-api";
import type { Role } from "@/lib/db/schema";
import type { PublicToken } from "@/lib/tokens/token-view";

/** The /account/tokens page's working part: create (shown once), list, revoke with a confirm. */
export function TokensManager({ initialTokens, ownRole, isAdmin, ownEmail }: { initialTokens: PublicToken[]; ownRole: Role; isAdmin: boolean; ownEmail: string }) {
  const [tokens, setTokens] = useState(initialTokens);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<PublicToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function revoke(token: PublicToken) {
    setMessage(null);
    try {
      const { token: revoked } = await tokensApi.revoke(token.id);
      setTokens((current) => current.map((t) => (t.id === revoked.id ? revoked : t)));
      setMessage(`Revoked “${token.name}”. Anything still using it is refused from now on.`);
    } catch (caught) {
      setMessage(caught instanceof TokensApiError ? caught.message : "Could not revoke the token.");
    }
  }

  return (
    <div className="space-y-6">
      {created ? (
        <NewTokenNotice name={created.name} token={created.token} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm
          ownRole={ownRole}
          onCreated={(token, view) => {
            setMessage(null);
            setTokens((current) => [view, ...current]);
            setCreated({ name: view.name, token });
          }}
        />
      )}
      <p role="status" className="text-sm">
        {message}
      </p>
      <section aria-labelledby="token-list-heading" className="space-y-2">
        <h2 id="token-list-heading" className="text-lg font-semibold">
          {isAdmin ? "Everyone's tokens" : "Your tokens"}
        </h2>
        <TokenTable tokens={tokens} showOwner={isAdmin} onRevoke={setRevoking} />
      </section>
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          onCancel={() => setRevoking(null)}
          onConfirm={() => {
            const token = revoking;
            setRevoking(null);
            void revoke(token);
          }}
        >
          <p>
            Scripts using {revoking.prefix}… {revoking.owner_email === ownEmail ? "" : `(${revoking.owner_email}'s) `}stop working at once. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
