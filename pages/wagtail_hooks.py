from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from pages.contact.admin import QuestionPermissionPolicy, QuestionsGroup
from pages.models import Question

register_permission_policy(Question, QuestionPermissionPolicy(Question), exact_class=True)
register_snippet(QuestionsGroup)
