-- wrk script for the load bench: one single-turn FAQ question per request, as a new web chat conversation.
wrk.method = "POST"
wrk.body = '{"text":"Is there parking?"}'
wrk.headers["Content-Type"] = "application/json"
