"""An Elasticsearch client that sends nothing: it records every request our code makes and
answers with canned bodies, so that tests assert exactly what would reach the cluster."""

import dataclasses
import fnmatch
import json

from elastic_transport import (
    ApiResponseMeta,
    ConnectionError,
    HttpHeaders,
    NodeConfig,
    ObjectApiResponse,
)
from elasticsearch import Elasticsearch


@dataclasses.dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object

    @property
    def json(self):
        return self.body


class RecordingElasticsearch(Elasticsearch):
    """``answers`` maps "METHOD /path-pattern" (fnmatch) to a body or a callable(request)."""

    def __init__(self, answers=None, *, down=False):
        super().__init__("http://127.0.0.1:9")
        self.requests: list[Request] = []
        self.answers = dict(answers or {})
        self.down = down

    def perform_request(self, method, path, *, params=None, headers=None, body=None,
                        endpoint_id=None, path_parts=None):
        if isinstance(body, bytes | str):
            body = [json.loads(line) for line in
                    (body.decode() if isinstance(body, bytes) else body).splitlines() if line]
        request = Request(method, path, dict(params or {}), body)
        self.requests.append(request)
        if self.down:
            raise ConnectionError("Connection refused (recorded client)")
        answer = {}
        for pattern, value in self.answers.items():
            wanted_method, _sep, wanted_path = pattern.partition(" ")
            if wanted_method == method and fnmatch.fnmatch(path, wanted_path):
                answer = value(request) if callable(value) else value
                break
        meta = ApiResponseMeta(status=200, http_version="1.1", headers=HttpHeaders(),
                               duration=0.0, node=NodeConfig("http", "127.0.0.1", 9))
        return ObjectApiResponse(body=answer, meta=meta)

    def sent(self, method=None, path=None) -> list[Request]:
        return [request for request in self.requests
                if (method is None or request.method == method)
                and (path is None or fnmatch.fnmatch(request.path, path))]
