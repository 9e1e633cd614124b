package org.itlgateway.simulator.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.console.Chromium;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator's console in a real browser (headless Chromium), on the control API's port of a network of its own:
 * a tester sets the simulated clock from the console to the first second of 2021, the CDM registry proposes a
 * transfer of CERs to the UK registry, which refuses them from that date (5301); the tester finds the transaction in
 * the journal and on its page and reads the refusal's code and what it means. The other pages are worked from their
 * forms: faults and fault rules, reconciliations, notices, certificates. Every page is written to
 * {@code target/console-screenshots}.
 */
class SimulatorConsoleBrowserIT {

    /** Only a guard against waiting forever on a page. */
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    private static ControlledNetwork controlled;
    private static Network network;
    private static WebDriver browser;

    @BeforeAll
    static void startTheNetworkAndTheBrowser() {
        browser = Chromium.start();
        controlled = ControlledNetwork.start();
        network = controlled.network();
        signIn();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (controlled != null) {
            controlled.close();
        }
    }

    @Test
    void aTesterPlaysATransferTheUkRegistryRefusesAndReadsTheRefusalCodeAndWhatItMeans() {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2020-12-01T09:00:00Z");
        open("/clock");
        fill("clock-time", "2021-01-01T00:00:01Z");
        click(By.id("clock-set-button"));
        assertEquals("2021-01-01T00:00:01Z", browser.findElement(By.id("clock-now")).getText());
        Chromium.screenshot(browser, "clock");

        TransactionId refused = cdm.transfer(held, CdmActions.account("GB", 1001), 4321, 100, "2021-01-01T00:00:01Z");
        network.settle();

        ResponseCode code = ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE;
        open("/journal");
        fill("filter-transaction", refused.toString());
        click(By.id("filter-button"));
        String journal = browser.findElement(By.id("journal")).getText();
        assertTrue(journal.contains(code.code() + " " + code.meaning()), journal);
        Chromium.screenshot(browser, "journal");

        WebElement refusing = browser.findElements(By.cssSelector("#journal tr")).stream()
                .filter(row -> row.getText().contains("RECEIVED") && row.getText().contains(code.code() + " " + code.meaning()))
                .findFirst().orElseThrow(() -> new AssertionError("a message received carries the code: " + journal));
        click(refusing.findElement(By.cssSelector("td a")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Journal entry "));
        assertTrue(browser.findElement(By.cssSelector("ul.codes")).getText().contains(code.code() + " " + code.meaning()));
        String xml = browser.findElement(By.id("xml")).getText();
        assertTrue(xml.contains("Envelope") && xml.contains("Signature") && xml.contains("\n  <"),
                "the signed XML is shown, laid out: " + xml);
        Chromium.screenshot(browser, "journal-entry");

        click(By.id("transaction-link"));
        assertEquals("Transaction " + refused, browser.findElement(By.tagName("h1")).getText());
        String atCdm = browser.findElement(By.id("history-CDM")).getText();
        assertTrue(atCdm.contains(code.code() + " " + code.meaning()), atCdm);
        Chromium.screenshot(browser, "transaction");
    }

    @Test
    void aFaultAndAFaultRuleAreSetAndRemovedFromTheirForms() {
        open("/faults");
        new Select(browser.findElement(By.id("fault-node"))).selectByValue("CH");
        new Select(browser.findElement(By.id("fault-kind"))).selectByValue("REFUSE_ALL");
        fill("fault-code", Integer.toString(ResponseCode.UNITS_NOT_HELD.code()));
        click(By.id("set-fault-button"));
        String faults = browser.findElement(By.id("faults")).getText();
        assertTrue(faults.contains("REFUSE_ALL with " + ResponseCode.UNITS_NOT_HELD.code() + " "
                + ResponseCode.UNITS_NOT_HELD.meaning()), faults);

        new Select(browser.findElement(By.id("rule-node"))).selectByValue("JP");
        new Select(browser.findElement(By.id("rule-direction"))).selectByValue("RECEIVES");
        new Select(browser.findElement(By.id("rule-operation"))).selectByValue("acceptProposal");
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("DROP");
        fill("rule-nth", "1");
        click(By.id("add-rule-button"));
        assertEquals(List.of(), browser.findElements(By.id("refusal")), () -> browser.findElement(By.tagName("main"))
                .getText());
        String rules = browser.findElement(By.id("fault-rules")).getText();
        assertTrue(rules.contains("acceptProposal") && rules.contains("DROP") && rules.contains("message 1 only"), rules);
        open("/");
        assertTrue(browser.findElement(By.id("nodes")).getText().contains("faulty: REFUSE_ALL"));
        Chromium.screenshot(browser, "network");
        open("/faults");
        Chromium.screenshot(browser, "faults");

        click(By.id("clear-CH"));
        click(By.cssSelector("#fault-rules button[id^='remove-']"));

        assertEquals(List.of(), browser.findElements(By.id("faults")), "no node has a fault");
        assertEquals(List.of(), browser.findElements(By.id("fault-rules")), "no rule is left");
        assertTrue(network.faults().all().isEmpty() && network.faults().rules().all().isEmpty());
    }

    @Test
    void aReconciliationIsStartedAndItsFindingsOpened() {
        open("/reconciliations");
        new Select(browser.findElement(By.id("reconcile-registry"))).selectByValue("CDM");
        new Select(browser.findElement(By.id("reconcile-by"))).selectByValue("ITL");
        click(By.id("reconcile-button"));

        String list = browser.findElement(By.id("reconciliations")).getText();
        assertTrue(list.contains("ITL") && list.contains("CDM"), list);
        Chromium.screenshot(browser, "reconciliations");
        click(By.cssSelector("#reconciliations td a"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Reconciliation "));
        Chromium.screenshot(browser, "reconciliation");
    }

    @Test
    void aNoticeIsSentAndItsFollowUpShown() {
        open("/notices");
        new Select(browser.findElement(By.id("notice-registry"))).selectByValue("CDM");
        new Select(browser.findElement(By.id("notice-type"))).selectByValue("6");
        fill("notice-project", "1234");
        fill("notice-quantity", "1500");
        fill("notice-target-date", "2014-05-01");
        click(By.id("send-notice-button"));

        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Notice "), browser::getPageSource);
        assertTrue(browser.findElement(By.id("follow-up")).getText().startsWith("Open"));
        String delivery = browser.findElement(By.id("notice-delivery")).getText();
        assertTrue(delivery.contains("receipt 1"), delivery);
        Chromium.screenshot(browser, "notice");
        open("/notices");
        Chromium.screenshot(browser, "notices");
    }

    @Test
    void aCertificateIsIssuedForACodeAndAnAlgorithmAndShownAsPem() {
        open("/certificates");
        fill("certificate-code", "NO");
        new Select(browser.findElement(By.id("certificate-algorithm"))).selectByValue("RSA_2048");
        click(By.id("issue-certificate-button"));

        assertTrue(browser.findElement(By.id("certificate-pem")).getText().startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(browser.findElement(By.id("private-key-pem")).getText().contains("PRIVATE KEY-----"));
        Chromium.screenshot(browser, "certificates");
    }

    private static void signIn() {
        browser.get(controlled.controlAddress() + "/console/");
        assertTrue(browser.getCurrentUrl().endsWith("/console/login"), browser.getCurrentUrl());
        Chromium.screenshot(browser, "login");
        click(By.id("sign-in"));
        assertEquals("Network", waitFor(() -> browser.findElement(By.tagName("h1")).getText()), browser::getPageSource);
    }

    /** Clicks what sends a form or follows a link, and waits until the page it leads to replaced this one. */
    private static void click(By what) {
        click(browser.findElement(what));
    }

    private static void click(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, AT_MOST).until(driver -> isGone(page));
    }

    /**
     * Whether a page's root element has left the browser's document: stale, or, as Chromium 156 says it while the next
     * page is coming in, a node that "does not belong to the document".
     */
    private static boolean isGone(WebElement root) {
        try {
            root.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static void open(String page) {
        browser.get(controlled.controlAddress() + "/console" + page);
    }

    private static void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static <T> T waitFor(java.util.function.Supplier<T> found) {
        return new WebDriverWait(browser, AT_MOST, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(driver -> found.get());
    }
}
