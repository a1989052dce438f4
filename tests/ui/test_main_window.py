from journal.services.conversations.records import PersonRef, log_conversation


def test_window_opens_with_people_and_quits(qtbot, context, clock):
    from journal.app import build_main_window

    log_conversation([PersonRef.named("Dana Smith")], clock=clock)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    assert "Contact Journal" in window.windowTitle()
    assert not window.windowIcon().isNull()
    people = window.view("people")
    assert people.model.rowCount() == 1
    assert people.model.index(0, 0).data() == "Dana Smith"
    with qtbot.waitSignal(window.destroyed, timeout=1000, raising=False):
        window.quit_action.trigger()
    assert not window.isVisible()
