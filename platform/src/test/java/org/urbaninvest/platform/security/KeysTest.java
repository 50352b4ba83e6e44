package org.urbaninvest.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Base64;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.urbaninvest.testsupport.Tokens;

/**
 * The services trust a JWK Set (the issuer's key and investment-service's own key) and pick the key by the token's
 * {@code kid}; a token signed with a service's key gets the service role and nothing else, whatever it claims.
 */
@QuarkusTest
class KeysTest {

    private static final String NOTES = "/api/v1/notes";

    @Test
    void tokensNameTheirKeyAndAreVerifiedWithIt() {
        String token = Tokens.editor();
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        assertThat(header).contains("\"kid\":\"issuer-");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"text\": \"kid\"}").post(NOTES)
                .then().statusCode(201);
    }

    @Test
    void aKidTheServicesDoNotTrustOrNoneOrAnotherKeysIs401AndWritesNothing() {
        long before = notes();
        for (Supplier<String> token : java.util.List.<Supplier<String>>of(Tokens::unknownKid, Tokens::noKid,
                Tokens::otherTrustedKid, Tokens::signedByOtherKey, Tokens::expired)) {
            given().auth().oauth2(token.get()).contentType(ContentType.JSON).body("{\"text\": \"a\"}").post(NOTES)
                    .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        }
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void theServiceTokenReadsWhatTheServiceRoleMayAndNothingElse() {
        String id = given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"text\": \"for the service\"}").post(NOTES).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.service()).get(NOTES + "/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.service()).get(NOTES).then().statusCode(403); // viewers only
        long before = notes();
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body("{\"text\": \"b\"}").post(NOTES)
                .then().statusCode(403);
        assertThat(notes()).isEqualTo(before);
    }

    @Test
    void aServiceKeysTokenClaimingAdminGetsNoAdminEditorOrViewerRole() {
        long before = notes();
        given().auth().oauth2(Tokens.serviceKeyClaimingAdmin()).post(NOTES + "/admin-only").then().statusCode(403);
        given().auth().oauth2(Tokens.serviceKeyClaimingAdmin()).contentType(ContentType.JSON)
                .body("{\"text\": \"c\"}").post(NOTES).then().statusCode(403);
        given().auth().oauth2(Tokens.serviceKeyClaimingAdmin()).get(NOTES).then().statusCode(403);
        assertThat(notes()).isEqualTo(before);
        // the same claim from the issuer's key is an admin
        given().auth().oauth2(Tokens.admin()).post(NOTES + "/admin-only").then().statusCode(202);
    }

    private static long notes() {
        return Long.parseLong(given().auth().oauth2(Tokens.viewer()).get(NOTES).then().statusCode(200).extract()
                .asString());
    }
}
