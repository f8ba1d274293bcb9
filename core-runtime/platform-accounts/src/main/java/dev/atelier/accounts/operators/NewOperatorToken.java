package dev.atelier.accounts.operators;

/**
 * An operator token just created.
 *
 * @param token the token in clear ({@code atlop_} and 43 base64url characters): shown to the operator once, stored
 *     nowhere, never logged
 * @param info the token
 */
public record NewOperatorToken(String token, OperatorTokenInfo info) {

    @Override
    public String toString() {
        return "NewOperatorToken[info=" + info + "]";
    }
}
