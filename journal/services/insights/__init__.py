"""Insights: the introduction funnel, the introducers, who is going cold, activity and the graph of
who introduced whom. Each call reads the journal in a handful of queries, never one per row.

The view and the command line import from here:

    from journal.services.insights import Period, funnel, introducers, losing_touch, activity, graph, layout
"""

from journal.domain.insights import Period, StageDays
from journal.services.insights.activity import Activity, activity
from journal.services.insights.funnel import Funnel, OfferRow, funnel
from journal.services.insights.graph import Edge, Graph, Node, graph, layout
from journal.services.insights.people import IntroducerRow, LosingTouchRow, introducers, losing_touch
from journal.services.insights.report import insights_json

__all__ = [
    "Activity",
    "Edge",
    "Funnel",
    "Graph",
    "IntroducerRow",
    "LosingTouchRow",
    "Node",
    "OfferRow",
    "Period",
    "StageDays",
    "activity",
    "funnel",
    "graph",
    "insights_json",
    "introducers",
    "layout",
    "losing_touch",
]
