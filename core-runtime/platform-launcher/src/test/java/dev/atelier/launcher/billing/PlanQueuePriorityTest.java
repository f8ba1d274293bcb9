package dev.atelier.launcher.billing;

import static dev.atelier.launcher.billing.SandboxShop.pay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.Browser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AuraTuner's Creator plan advertises "Priority in the queue": its subscribers' generations are queued with the plan's
 * priority, Starter subscribers' and plan-less accounts' without.
 */
class PlanQueuePriorityTest {

    @RegisterExtension
    static final SandboxShop shop = new SandboxShop();

    @Test
    void aCreatorSubscribersGenerationsAreQueuedWithTheCreatorPlansPriority() throws Exception {
        Browser creator = shop.buyer("creator-");
        pay(creator, "creator");
        Browser starter = shop.buyer("starter-");
        pay(starter, "starter");
        Browser nobody = shop.buyer("plain-");

        assertThat(priorityOf(submit(creator))).isEqualTo(10);
        assertThat(priorityOf(submit(starter))).isZero();
        assertThat(priorityOf(submit(nobody))).isZero();
    }

    private static String submit(Browser buyer) throws Exception {
        return Browser.json(buyer.postJson("/api/v1/generations", """
                {"model":"procedural","prompt":"a lighthouse","parameters":{"width":64,"height":64}}""",
                buyer.csrfHeader())).get("id").asText();
    }

    private static int priorityOf(String jobId) throws Exception {
        try (Connection connection = shop.platform().atelier().database().dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT priority FROM generation_job WHERE id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("job " + jobId + " is stored").isTrue();
                return row.getInt(1);
            }
        }
    }
}
