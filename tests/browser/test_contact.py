"""A visitor asks a question and leaves with a reference number; another reads the FAQ."""

import re
from io import StringIO

import pytest
from django.core import mail
from playwright.sync_api import expect

from pages.base.demo import load_public_site
from pages.contact import demo as contact_demo
from pages.faq import demo as faq_demo
from pages.models import Question

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_contact(sites):
    public, intranet = sites
    load_public_site(public.root_page.specific)
    contact_demo.load(public.root_page.specific, intranet.root_page.specific, StringIO())
    faq_demo.load(public.root_page.specific, intranet.root_page.specific, StringIO())
    return sites


def choose(page, label):
    """Click an option's label, as a person does (the DSFR draws the box over the input)."""
    page.locator("label").filter(has_text=label).click()


def test_visitor_submits_a_question_and_gets_a_reference_number(page, urls, demo_contact):
    demo_questions = Question.objects.count()
    page.goto(urls["public"] + "/en/contact-us/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact us")
    choose(page, "Archaeology")
    page.get_by_label("Subject").fill("Roman coin found in my garden")
    page.get_by_label("First and last name").fill("Anne Le Bihan")
    page.get_by_label("E-mail address").fill("anne.lebihan@example")
    page.get_by_role("button", name="Send my question").click()

    # Mistakes are pointed out and nothing typed is lost.
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Subject")).to_have_value("Roman coin found in my garden")
    expect(page.get_by_label("E-mail address")).to_have_value("anne.lebihan@example")
    expect(page.get_by_label("Archaeology")).to_be_checked()
    assert Question.objects.count() == demo_questions

    page.get_by_label("E-mail address").fill("anne.lebihan@example.org")
    page.get_by_label("Your message").fill("I found a coin while digging. Whom should I tell?")
    choose(page, "I have read the personal-data notice")
    page.get_by_role("button", name="Send my question").click()

    status = page.get_by_role("status").filter(has_text="Your question has been sent")
    expect(status).to_contain_text("Your question has been sent")
    expect(status).to_contain_text(re.compile(r"Q-\d{4}-\d{6}"))
    shown = re.search(r"Q-\d{4}-\d{6}", status.inner_text()).group()
    assert Question.objects.count() == demo_questions + 1
    question = Question.objects.get(reference=shown)
    assert question.topic.email == "archeologie.bretagne@relais.localhost"
    acknowledgement = next(m for m in mail.outbox if m.to == ["anne.lebihan@example.org"])
    assert shown in acknowledgement.body


def test_visitor_opens_an_answer_in_the_faq(page, urls, demo_contact):
    page.goto(urls["public"] + "/en/faq/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Frequently asked questions")
    question = page.get_by_role("button", name="I found an old object in my garden")
    expect(question).to_have_attribute("aria-expanded", "false")
    question.click()
    expect(question).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("Report any chance find to the mayor")).to_be_visible()
    page.get_by_role("link", name="Contact us").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact us")
