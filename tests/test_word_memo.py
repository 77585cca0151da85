from briefer.facts.word_memo import WordMemo


def test_a_word_is_worked_out_once_and_the_memo_stays_bounded():
    calls = []
    memo = WordMemo(lambda word: calls.append(word) or len(word), max_size=2)
    assert list(map(memo.__getitem__, ["قال", "قال", "الوزير"])) == [3, 3, 6]
    assert calls == ["قال", "الوزير"]
    assert memo["وأضاف"] == 5  # a third word clears the full memo first
    assert len(memo) == 1
