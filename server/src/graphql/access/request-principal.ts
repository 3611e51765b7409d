/** The principal of an HTTP request, with a refused credential turned into UNAUTHENTICATED (401). */
import type { Authenticator } from '../../auth/authenticate';
import { CredentialError } from '../../auth/errors';
import type { Principal } from '../../auth/principal';
import { unauthenticatedError } from './errors';

type Headers = { [name: string]: string | string[] | undefined };

export async function requestPrincipal(authenticator: Authenticator, headers: Headers): Promise<Principal | null> {
  try {
    return await authenticator.authenticate(headers);
  } catch (error) {
    if (error instanceof CredentialError) throw unauthenticatedError(`Credential refused: ${error.message}`);
    throw error;
  }
}
