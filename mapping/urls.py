from django.urls import path

from .views import classify, focus, ingredients, picture, register

app_name = "mapping"

urlpatterns = [
    path("", register.initiative_list, name="initiatives"),
    path("new/", register.initiative_edit, name="initiative-add"),
    path("<int:pk>/", register.initiative_detail, name="initiative-detail"),
    path("<int:pk>/edit/", register.initiative_edit, name="initiative-edit"),
    path("<int:pk>/people/", register.initiative_people, name="initiative-people"),
    path("<int:pk>/links/", register.initiative_links, name="initiative-links"),
    path("<int:pk>/links/<int:link_pk>/remove/", register.link_remove, name="link-remove"),
    path("<int:pk>/drivers-and-barriers/", register.initiative_factors, name="initiative-factors"),
    path("<int:pk>/questions/", classify.questions, name="initiative-questions"),
    path("<int:pk>/classification/", classify.classification, name="classification"),
    path("<int:pk>/disagree/", classify.disagree, name="classification-disagree"),
    path("<int:pk>/ingredients/", ingredients.ingredients, name="ingredients"),
    path("<int:pk>/invite/", ingredients.invite, name="invite"),
    path("<int:pk>/questionnaire/", ingredients.questionnaire, name="questionnaire"),
    path("invitations/<int:pk>/paper/", ingredients.paper, name="invitation-paper"),
    path("respond/<str:token>/", ingredients.respond, name="respond"),
    path("my-invitations/", ingredients.my_invitations, name="my-invitations"),
    path("my-invitations/<int:pk>/", ingredients.my_invitation, name="my-invitation"),
    path("picture/", picture.partnership_picture, name="picture"),
    path("picture/snapshots/", picture.snapshots, name="snapshots"),
    path("picture/board-pack.pdf", picture.board_pack, name="board-pack"),
    path("drivers-and-barriers/", picture.factors, name="factors"),
    path("export/<str:kind>.<str:fmt>", picture.export, name="export"),
    path("focus/", focus.priorities, name="priorities"),
    path("focus/add/", focus.activity_add, name="activity-add"),
    path("focus/<int:pk>/score/", focus.activity_score, name="activity-score"),
    path("stakeholders/", focus.stakeholders, name="stakeholders"),
    path("stakeholders/add/", focus.stakeholder_edit, name="stakeholder-add"),
    path("stakeholders/<int:pk>/edit/", focus.stakeholder_edit, name="stakeholder-edit"),
    path("steps/", focus.steps, name="steps"),
    path("steps/<str:step>/", focus.step_edit, name="step-edit"),
]
