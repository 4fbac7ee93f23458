from __future__ import annotations

from tests.schema.member.conftest import gid

RECORD = """
mutation($input: RecordFollowUpInput!) {
  recordFollowUp(input: $input) {
    followUp { id channel outcome notes nextFollowUpOn isLatest staffName member { name phone } }
    errors { field code message }
  }
}
"""

DUE = """
query($by: Date, $first: Int, $after: String) {
  followUpsDue(by: $by, first: $first, after: $after) {
    totalCount
    edges { node { notes nextFollowUpOn member { name } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

OPEN = """
mutation($input: OpenFeedbackInput!) {
  openFeedback(input: $input) {
    feedback { id kind subject status openedBy member { name } store { code } }
    errors { field code message }
  }
}
"""

CHANGE = """
mutation($id: ID!, $status: FeedbackStatus!, $comment: String) {
  changeFeedbackStatus(id: $id, status: $status, comment: $comment) {
    feedback { status history { fromStatus toStatus comment staffName } }
    errors { field code message }
  }
}
"""

LIST = """
query($first: Int, $after: String, $filter: FeedbackFilterInput) {
  feedback(first: $first, after: $after, filter: $filter) {
    edges { node { subject status } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}
"""

__all__ = ["CHANGE", "DUE", "LIST", "OPEN", "RECORD", "gid"]
