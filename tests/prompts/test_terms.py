"""Facet and search terms read back by the query language as the value they were made from."""

from __future__ import annotations

from acgdesk.imaging.generation import GenerationInfo, SamplerRun
from acgdesk.prompts.terms import facet_term, prompt_term, search_terms, toggle_term
from acgdesk.search.query import parse


def value_of(term: str):
    return parse(term).root.value


def test_facet_terms_quote_what_needs_it():
    assert facet_term("generator", "comfyui") == "generator:comfyui"
    assert facet_term("model", "anything-v5") == "checkpoint:anything-v5"
    assert facet_term("sampler", "DPM++ 2M") == 'sampler:"DPM++ 2M"'
    assert facet_term("lora", 'odd "name" \\ here') == 'lora:"odd \\"name\\" \\\\ here"'
    assert facet_term("lora", "star*name?") == 'lora:"star\\*name\\?"'


def test_prompt_term_is_the_first_line_cut_at_a_comma():
    assert prompt_term('a "b", c\nsecond line') == 'prompt:"a \\"b\\", c"'
    long = ", ".join(f"word{i}" for i in range(60))
    term = prompt_term(long)
    assert len(term) <= 200 + len('prompt:""') and term.endswith('word25"')
    assert prompt_term("  \n ") is None


def test_toggle_adds_and_removes_whole_terms_only():
    assert toggle_term("", "lora:ink") == "lora:ink"
    assert toggle_term("cat  lora:ink ext:png", "lora:ink") == "cat ext:png"
    assert toggle_term("lora:inky", "lora:ink") == "lora:inky lora:ink"


def test_search_terms_of_a_record():
    run = SamplerRun("cat", seed=77, model="sd/anything-v5.safetensors", role="base")
    terms = search_terms(GenerationInfo("comfyui", "cat", "", {}, samplers=(run,)))
    assert terms == {"prompt": 'prompt:"cat"', "seed": "seed:77", "model": "checkpoint:anything-v5"}
    assert value_of(terms["seed"]) == 77
