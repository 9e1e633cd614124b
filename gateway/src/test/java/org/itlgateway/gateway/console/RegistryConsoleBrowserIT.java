package org.itlgateway.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The registry console in a real browser (headless Chromium), against the CDM registry's gateway with the ITL played
 * over signed SOAP: an operator signs in with the API's token, issues, forwards and transfers from the forms and
 * watches each transaction complete on its page (which reloads itself while it is under way), with its status
 * history and every message with its signed XML; a proposal the registry refuses shows its response code and what
 * it means; a dead letter is retried from its page. Every page is written to {@code target/console-screenshots}.
 */
class RegistryConsoleBrowserIT {

    /** How long a transaction may take to complete through the played ITL; only a guard against waiting forever. */
    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConsoleRegistry cdm;
    private static WebDriver browser;

    @BeforeAll
    static void startTheRegistryAndTheBrowser() {
        browser = Chromium.start();
        cdm = new ConsoleRegistry().working();
        signIn();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (cdm != null) {
            cdm.close();
        }
    }

    @Test
    void anOperatorProposesATransferFromTheFormAndWatchesItComplete() throws Exception {
        String first = openAccount("Console holder one");
        String second = openAccount("Console holder two");

        propose("issue", "project", "1234", "period", "2", "quantity", "1000");
        watchComplete();
        Chromium.screenshot(browser, "transaction-issuance");
        propose("forward", "to", first, "project", "1234", "quantity", "500");
        watchComplete();
        propose("transfer", "from", first, "to", second, "project", "1234", "quantity", "120");
        watchComplete();

        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Transaction CDM"));
        String history = browser.findElement(By.id("history")).getText();
        assertTrue(history.contains("1 proposed") && history.contains("4 completed"), history);
        String messages = browser.findElement(By.id("messages")).getText();
        assertTrue(messages.contains("sent acceptProposal to ITL") && messages.contains("received acceptNotification from ITL"),
                messages);
        WebElement signed = browser.findElement(By.cssSelector("#messages details.xml"));
        signed.findElement(By.tagName("summary")).click();
        String xml = signed.findElement(By.tagName("pre")).getText();
        assertTrue(xml.contains("Envelope") && xml.contains("Signature") && xml.contains("\n  <"),
                "the signed XML is shown, laid out: " + xml);
        Chromium.screenshot(browser, "transaction-transfer");
        browser.findElement(By.id("evidence")).click();
        String verdict = waitFor(() -> browser.findElement(By.id("verdict")).getText());
        assertTrue(verdict.startsWith("The archive verifies"), verdict);
        assertTrue(browser.findElement(By.id("evidence")).getText().contains("MESSAGE_SENT"),
                "the trail holds the proposal sent");
        Chromium.screenshot(browser, "transaction-evidence");

        browser.get(cdm.address() + "/console/accounts/" + second);
        assertTrue(browser.findElement(By.id("blocks")).getText().contains("120"), "the second holder holds the units");
        Chromium.screenshot(browser, "account-holdings");
        browser.get(cdm.address() + "/console/");
        Chromium.screenshot(browser, "registry");
        browser.get(cdm.address() + "/console/transactions?type=10");
        String internal = browser.findElement(By.id("transactions")).getText();
        assertTrue(internal.contains("Internal transfer") && !internal.contains("Issuance"), internal);
        Chromium.screenshot(browser, "transactions");
    }

    @Test
    void aProposalTheRegistryRefusesShowsItsResponseCodeAndWhatItMeans() {
        propose("forward", "to", "CDM-120-99999-0", "project", "4321", "quantity", "999999");

        // the answer is the next page, which may still be coming in when the click returns
        WebElement refusal = waitFor(() -> browser.findElement(By.id("refusal")));
        List<WebElement> cells = refusal.findElements(By.cssSelector("#refusal-codes td"));
        assertEquals(Integer.toString(ResponseCode.UNITS_NOT_HELD.code()), cells.get(0).getText(), refusal.getText());
        assertEquals(ResponseCode.UNITS_NOT_HELD.meaning(), cells.get(1).getText());
        assertEquals("999999", browser.findElement(By.id("forward-quantity")).getDomProperty("value"),
                "the form is shown again with what was typed");
        Chromium.screenshot(browser, "propose-refused");
    }

    @Test
    void theDeadLettersPageRetriesOne() {
        TestDatabase.execute(cdm.schema, "insert into inbox_message (operation, sender, message_key, content_digest,"
                + " received_at, raw_xml, payload_xml) values ('REGISTRY_ACCEPT_MESSAGE', 'ITL', 'note-console', 'd',"
                + " '2016-09-01T09:00:00Z', '\\x00', '<broken')");
        String page = cdm.address() + "/console/dead-letters";
        WebElement retry = waitFor(() -> {
            browser.get(page);
            return browser.findElements(By.cssSelector("#dead-letters-inbox button[id^='retry-inbox-']")).stream()
                    .findFirst().orElse(null);
        });
        Chromium.screenshot(browser, "dead-letters");

        retry.click();

        // the answer is the next page, which may still be coming in when the click returns
        String notice = waitFor(() -> browser.findElement(By.cssSelector("p.notice")).getText());
        assertTrue(notice.contains("was retried") && notice.contains("RECEIVED"), notice);
    }

    @Test
    void everyOtherPageOpensAndTheHelpDeskTakesInAQuery() {
        for (String page : List.of("notices", "messages", "reconciliations", "propose")) {
            browser.get(cdm.address() + "/console/" + page);
            assertEquals(List.of(), browser.findElements(By.id("refusal")), page);
            Chromium.screenshot(browser, page);
        }
        browser.get(cdm.address() + "/console/help-desk");
        browser.findElement(By.id("query-name")).sendKeys("A. Participant");
        browser.findElement(By.id("query-email")).sendKeys("a@example.org");
        browser.findElement(By.id("query-project")).sendKeys("1234");
        browser.findElement(By.id("query-subject")).sendKeys("Monitoring");
        browser.findElement(By.id("query-question")).sendKeys("Which version of the monitoring report form applies?");
        browser.findElement(By.cssSelector("#intake button")).click();

        String taken = waitFor(() -> browser.findElement(By.cssSelector("p.notice")).getText());
        assertTrue(taken.matches("Query HD-2016-\\d{5} was taken in and acknowledged\\."), taken);
        String reference = taken.substring("Query ".length(), taken.indexOf(" was"));
        assertTrue(browser.findElement(By.id("help-desk-queue")).getText().contains("Monitoring"));
        Chromium.screenshot(browser, "help-desk");

        WebElement answer = browser.findElement(By.id("answer-" + reference));
        answer.findElement(By.name("by")).sendKeys("help desk officer");
        answer.findElement(By.name("answer")).sendKeys("The latest version of the form applies.");
        answer.findElement(By.tagName("button")).click();
        // the answer's page replaces this one before the next is asked for (asked for sooner, it could cut the post)
        new WebDriverWait(browser, AT_MOST).until(ExpectedConditions.stalenessOf(answer));

        browser.get(cdm.address() + "/console/help-desk?status=answered");
        String answered = browser.findElement(By.id("help-desk-queue")).getText();
        assertTrue(answered.contains(reference) && answered.contains("The latest version of the form applies.")
                && answered.contains("by help desk officer"), answered);
        Chromium.screenshot(browser, "help-desk-answered");
    }

    private static void signIn() {
        browser.get(cdm.address() + "/console/");
        assertTrue(browser.getCurrentUrl().endsWith("/console/login"), browser.getCurrentUrl());
        Chromium.screenshot(browser, "login");
        browser.findElement(By.id("token")).sendKeys(ConsoleRegistry.TOKEN);
        browser.findElement(By.id("sign-in")).click();
        assertEquals("Registry CDM", waitFor(() -> browser.findElement(By.tagName("h1")).getText()),
                browser::getPageSource);
    }

    /** Fills the propose form {@code form} with the named values and sends it. */
    private static void propose(String form, String... values) {
        browser.get(cdm.address() + "/console/propose");
        for (int i = 0; i < values.length; i += 2) {
            WebElement field = browser.findElement(By.id(form + "-" + values[i]));
            if (field.getTagName().equals("select")) {
                new Select(field).selectByValue(values[i + 1]);
            } else {
                field.clear();
                field.sendKeys(values[i + 1]);
            }
        }
        browser.findElement(By.id("propose-" + form)).click();
    }

    /** Waits on the transaction's page, which reloads itself, until the transaction completed. */
    private static void watchComplete() {
        String status = waitFor(() -> {
            String shown = browser.findElement(By.id("status")).getText();
            return shown.startsWith("4 ") || shown.startsWith("5 ") || shown.startsWith("6 ") ? shown : null;
        });
        assertEquals("4 completed", status, browser.getCurrentUrl());
    }

    private static <T> T waitFor(java.util.function.Supplier<T> found) {
        return new WebDriverWait(browser, AT_MOST, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(driver -> found.get());
    }

    private static String openAccount(String holder) throws Exception {
        HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(cdm.address() + "/accounts"))
                .header("Authorization", "Bearer " + ConsoleRegistry.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": 120, \"holder\": \"" + holder + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, opened.statusCode(), opened.body());
        return JSON.readTree(opened.body()).get("ref").asText();
    }
}
