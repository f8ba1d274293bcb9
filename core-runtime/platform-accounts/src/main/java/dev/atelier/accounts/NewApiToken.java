package dev.atelier.accounts;

/**
 * A personal API token just created.
 *
 * @param token the token in clear ({@code atl_} and 43 base64url characters): shown to the user once, stored nowhere,
 *     never logged
 * @param info the token
 */
public record NewApiToken(String token, ApiTokenInfo info) {

    @Override
    public String toString() {
        return "NewApiToken[info=" + info + "]";
    }
}
